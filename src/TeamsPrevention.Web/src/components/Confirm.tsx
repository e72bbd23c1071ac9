import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

/**
 * An inline confirmation for an irreversible step (withdraw an alert, cancel a meeting). Not a Fluent Dialog: a
 * mounted Dialog makes Tabster add focusable, aria-hidden sentinels to the body, which axe reports as serious.
 */
export function Confirm({ title, body, confirm, keep, onConfirm, onKeep }: { title: string; body: string; confirm: string; keep: string; onConfirm: () => void; onKeep: () => void }) {
  return (
    <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-label={title}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={onConfirm}>
          {confirm}
        </Button>
        <Button onClick={onKeep}>{keep}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
