import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// Built into dist/, which the App's build copies beside its assembly (tab/) and serves.
export default defineConfig({
  plugins: [react()],
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // Each page is a chunk of its own (lazyPage). Beside them, two vendor chunks that change only when a
        // dependency does, so a browser keeps them across releases (assets are served as immutable): React with
        // i18next, and Fluent UI's core (styles, themes, focus management) that every page needs. Fluent's
        // components stay with the pages that use them, so the sign-in page loads none of the tables and forms.
        codeSplitting: {
          groups: [
            { name: "vendor-react", test: /node_modules[\\/](react|react-dom|scheduler|i18next|react-i18next|use-sync-external-store)[\\/]/, priority: 20 },
            {
              name: "vendor-fluent",
              test: /node_modules[\\/](@griffel|tabster|keyborg|@fluentui[\\/](react-provider|react-theme|tokens|react-shared-contexts|react-utilities|react-jsx-runtime|react-tabster|react-context-selector|react-portal|react-aria|react-motion|react-button|react-text|react-spinner|react-message-bar|react-link|react-card))[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
