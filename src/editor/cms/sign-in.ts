// Signing in to GitHub. A page alone cannot do GitHub's OAuth (it needs a server to hold the
// app's secret): with an OAuth proxy (backend.baseUrl in src/config/cms.ts) Decap's own page
// signs in through it; without one, the editor pastes a fine-grained personal access token,
// which Decap then keeps and uses as it keeps the token an OAuth sign-in gives.

import { Component, createElement as h, type FormEvent, type ReactNode } from "react";
import { GitHubBackend } from "decap-cms-backend-github";
import { bothLanguages as both } from "../../config/ui.ts";

/** What Decap hands a backend's sign-in page (the part of its props we use). */
interface SignInProps {
  onLogin(credentials: { token: string }): void;
  inProgress: boolean;
  error?: unknown;
  base_url?: string;
}

const FIELD = "qiao-github-token";

class TokenSignIn extends Component<SignInProps, { token: string }> {
  state = { token: "" };

  submit = (event: FormEvent) => {
    event.preventDefault();
    const token = this.state.token.trim();
    if (token) this.props.onLogin({ token });
  };

  render(): ReactNode {
    const { inProgress, error } = this.props;
    const box = { display: "grid", gap: "0.75rem", maxWidth: "32rem", margin: "15vh auto", padding: "0 1rem", font: "16px/1.5 system-ui, sans-serif" };
    return h(
      "form",
      { onSubmit: this.submit, style: box },
      h("h1", { style: { fontSize: "1.4rem", margin: 0 } }, both("cmsSignInTitle")),
      h("label", { htmlFor: FIELD }, both("cmsToken")),
      h("input", {
        id: FIELD,
        type: "password",
        autoComplete: "off",
        required: true,
        "aria-describedby": `${FIELD}-hint`,
        value: this.state.token,
        onChange: (event: { target: { value: string } }) => this.setState({ token: event.target.value }),
        style: { font: "inherit", padding: "0.5rem" },
      }),
      h("p", { id: `${FIELD}-hint`, style: { margin: 0, fontSize: "0.9rem" } }, both("cmsTokenHint")),
      error ? h("p", { role: "alert", style: { margin: 0, color: "#a40000" } }, String((error as { message?: string }).message ?? error)) : null,
      h("button", { type: "submit", disabled: inProgress, style: { font: "inherit", padding: "0.5rem", justifySelf: "start" } }, both("cmsSignIn")),
    );
  }
}

/** Decap's GitHub backend, signing in with a token where no OAuth proxy is configured. */
export class GitHubWithTokenSignIn extends GitHubBackend {
  authComponent(): unknown {
    const oauthPage = super.authComponent() as (props: SignInProps) => ReactNode;
    return (props: SignInProps) => (props.base_url ? h(oauthPage, props) : h(TokenSignIn, props));
  }
}
