// The app is a client-rendered SPA: every data call goes through the typed tRPC client.
export const ssr = false;
export const prerender = false;
