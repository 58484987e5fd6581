// Decap's packages ship JavaScript whose `main` is a webpack bundle TypeScript cannot read
// the exports of (decap-cms-core has declarations of its own). What admin.ts takes from them:

declare module "decap-cms-backend-github" {
  /** Decap's GitHub backend; `authComponent` gives its sign-in page. */
  export class GitHubBackend {
    constructor(...args: unknown[]);
    authComponent(): unknown;
  }
}
declare module "decap-cms-backend-gitlab" {
  export const GitLabBackend: unknown;
}
declare module "decap-cms-backend-gitea" {
  export const GiteaBackend: unknown;
}
declare module "decap-cms-backend-proxy" {
  export const ProxyBackend: unknown;
}
declare module "decap-cms-locales" {
  export const en: unknown;
  export const zh_Hans: unknown;
}

/** A widget package: its control, and the registration of it under its own name. */
interface DecapWidgetModule {
  controlComponent: unknown;
  Widget(options?: object): { name: string; controlComponent: unknown; [option: string]: unknown };
}
declare module "decap-cms-widget-string" {
  const widget: DecapWidgetModule;
  export default widget;
}
declare module "decap-cms-widget-text" {
  const widget: DecapWidgetModule;
  export default widget;
}
declare module "decap-cms-widget-select" {
  const widget: DecapWidgetModule;
  export default widget;
}
declare module "decap-cms-widget-boolean" {
  const widget: DecapWidgetModule;
  export default widget;
}
declare module "decap-cms-widget-list" {
  const widget: DecapWidgetModule;
  export default widget;
}
declare module "decap-cms-widget-object" {
  const widget: DecapWidgetModule;
  export default widget;
}
declare module "decap-cms-widget-image" {
  const widget: DecapWidgetModule;
  export default widget;
}
/** CommonJS that Node cannot name the exports of: one default object. */
declare module "decap-server/dist/middlewares.js" {
  import type { Express } from "express";
  const middlewares: {
    registerLocalFs(app: Express, options?: { logLevel?: string }): Promise<void>;
    registerLocalGit(app: Express, options?: { logLevel?: string }): Promise<void>;
  };
  export default middlewares;
}
