// The settings page's logo section: upload a PNG or JPEG for board papers, or remove it.
import { Form } from "@remix-run/react";

export function LogoSettings({ orgSlug, councilName, hasLogo }: { orgSlug: string; councilName: string; hasLogo: boolean }) {
  return (
    <>
      <h2>Logo on board papers</h2>
      <p>Your council’s name is on every page of a board paper. You can add your logo to the title page and the Word version too.</p>
      {hasLogo ? <img className="settings-logo" src={`/orgs/${orgSlug}/logo`} alt={`${councilName} logo (current)`} style={{ maxHeight: "5rem", maxWidth: "14rem" }} /> : null}
      <Form method="post" action="?logo" encType="multipart/form-data" className="stack">
        <div className="field">
          <label htmlFor="logo">Logo image (PNG or JPEG)</label>
          <p className="hint" id="logo-hint">
            At most 200 kB. A picture about 600 pixels wide is plenty.
          </p>
          <input id="logo" name="logo" type="file" accept="image/png,image/jpeg" aria-describedby="logo-hint" />
        </div>
        <button type="submit" className="button">
          Upload logo
        </button>
      </Form>
      {hasLogo ? (
        <Form method="post">
          <input type="hidden" name="intent" value="remove-logo" />
          <button type="submit" className="button button--secondary">
            Remove logo
          </button>
        </Form>
      ) : null}
    </>
  );
}
