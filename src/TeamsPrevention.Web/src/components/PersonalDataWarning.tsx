import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { fieldError } from "./forms";
import { kindsIn, personalDataWarning, type PersonalDataWarning } from "./personalData";

/**
 * What a form's `Field` shows for `field` after a save: the personal-data warning in the warning state (kinds only,
 * in the reader's language), else the App's validation message as an error.
 */
export function useFieldNotice(error: unknown) {
  const { t } = useTranslation("personalData");
  const warning = personalDataWarning(error);
  return (field: string): { validationMessage?: string; validationState?: "warning" | "error" | "none"; "data-personal-data"?: string } => {
    const kinds = kindsIn(warning, field);
    if (kinds.length > 0) {
      return {
        validationMessage: t("field", { kinds: kinds.map((k) => t(`kinds.${k}`)).join(", ") }),
        validationState: "warning",
        "data-personal-data": kinds.join(" "),
      };
    }
    const message = warning ? undefined : fieldError(error, field);
    return message ? { validationMessage: message, validationState: "error" } : {};
  };
}

/**
 * "Le texte semble contenir des données personnelles": shown above a form's buttons after the App's 422, with
 * "Enregistrer quand même" (saves again with the confirmation) and "Corriger" (back to the first field flagged, the
 * warning closed). A signal's form also points to its protected identity fields.
 */
export function PersonalDataBar({ error, busy, onConfirm, onCorrect, identityTarget }: {
  error: unknown;
  busy?: boolean;
  onConfirm: () => void;
  onCorrect: () => void;
  /** The id of the protected identity fields' section, when the form has one. */
  identityTarget?: string;
}) {
  const { t } = useTranslation("personalData");
  const bar = useRef<HTMLDivElement>(null);
  const warning: PersonalDataWarning | null = personalDataWarning(error);
  if (!warning) {
    return null;
  }
  const focusIn = (selector: string) =>
    (bar.current?.closest("form") ?? document).querySelector<HTMLElement>(selector)?.focus();
  return (
    <MessageBar ref={bar} intent="warning" layout="multiline" data-personal-data-warning="">
      <MessageBarBody>
        <MessageBarTitle>{t("title")}</MessageBarTitle>
        {t("body")}{" "}
        {identityTarget && (
          <>
            {t("identityFields")}{" "}
            <Link onClick={() => document.getElementById(identityTarget)?.querySelector<HTMLElement>("input, textarea")?.focus()}>
              {t("toIdentity")}
            </Link>
          </>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" disabled={busy} onClick={onConfirm}>
          {t("confirm")}
        </Button>
        <Button
          disabled={busy}
          onClick={() => {
            focusIn("[data-personal-data] textarea, [data-personal-data] input");
            onCorrect();
          }}
        >
          {t("correct")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
