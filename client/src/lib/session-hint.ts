/**
 * Whether this browser may hold a session: the API sets the `__Host-ot_session` cookie (value "1", no secret) next to the
 * HttpOnly refresh-token cookie, with the same lifetime, and clears both on sign-out. A page load without it has no
 * session to restore, so it asks the API nothing (no 401 in the console for every signed-out visitor). The refresh
 * token itself stays unreadable to scripts: the hint only says that one was issued.
 */
export interface SessionHint {
  present(): boolean;
  /** After the API refused to restore a session (expired, revoked), so the next load does not ask again. */
  forget(): void;
}

export const sessionHintCookie = '__Host-ot_session';

export const documentSessionHint: SessionHint = {
  present: () =>
    typeof document !== 'undefined' && document.cookie.split(';').some((part) => part.trim().startsWith(`${sessionHintCookie}=`)),
  forget: () => {
    if (typeof document !== 'undefined') document.cookie = `${sessionHintCookie}=; Max-Age=0; Path=/; Secure; SameSite=Strict`;
  },
};
