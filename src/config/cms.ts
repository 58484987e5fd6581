// Where the CMS at /admin/ saves articles in production: the git host, the repository and
// branch, how editors sign in, and whether a save goes straight to the branch or through the
// editorial workflow. `npm start` ignores all of it and edits the working tree on this machine.

export interface CmsSettings {
  backend: {
    /** The git host: github.com or GitHub Enterprise, GitLab (gitlab.com or your own), Gitea. */
    name: "github" | "gitlab" | "gitea";
    /** "owner/name" of the repository that holds this site. */
    repo: string;
    /** The branch the site is built from. */
    branch: string;
    /** Where editors sign in. GitHub: the address of your OAuth proxy (GitHub has no sign-in
     *  a page alone can do); left out, editors sign in with a personal access token. GitLab
     *  and Gitea: the host's own address (default gitlab.com). */
    baseUrl?: string;
    /** The sign-in path on `baseUrl`: "auth" for most OAuth proxies, "oauth/authorize" for
     *  GitLab and Gitea with PKCE. */
    authEndpoint?: string;
    /** The host's API when it is not the public one: GitHub Enterprise, a GitLab or Gitea of
     *  your own (such as https://git.example.org/api/v1). */
    apiRoot?: string;
    /** GitLab and Gitea: the id of the OAuth application made for the CMS; with it, editors
     *  sign in with PKCE and no server of yours takes part. */
    appId?: string;
    /** GitLab and Gitea: "pkce" with `appId`. */
    authType?: "pkce";
  };
  /** "editorial_workflow": every article is a branch and a pull request that goes from draft
   *  to in review to ready, and publishing merges it (CI then deploys); "simple": a save is a
   *  commit to `branch`. */
  publishMode: "editorial_workflow" | "simple";
  /** The language of Decap's own interface ("zh_Hans": simplified Chinese). Our own fields,
   *  hints and warnings always show both languages (src/config/ui.ts). */
  locale: "en" | "zh_Hans";
}

const cms: CmsSettings = {
  backend: {
    name: "github",
    repo: "your-org/qiao",
    branch: "main",
  },
  publishMode: "editorial_workflow",
  locale: "en",
};

export default cms;
