/**
 * Sign-out must be a real form POST (the gateway answers with a redirect to Keycloak's logout,
 * which fetch() can't follow across origins). A form parameter is read the BREACH-safe way, as
 * Spring Security's XOR-masked token: base64url(random || random XOR token). The cookie holds the
 * raw token, so the portal masks it itself, the same way Spring does when it renders a form.
 */
export function maskCsrfToken(token: string, random: (bytes: Uint8Array) => Uint8Array = fill): string {
  const tokenBytes = new TextEncoder().encode(token);
  const randomBytes = random(new Uint8Array(tokenBytes.length));
  const combined = new Uint8Array(tokenBytes.length * 2);
  combined.set(randomBytes, 0);
  for (let i = 0; i < tokenBytes.length; i++) {
    combined[tokenBytes.length + i] = randomBytes[i] ^ tokenBytes[i];
  }
  let binary = "";
  combined.forEach((byte) => (binary += String.fromCharCode(byte)));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_");
}

function fill(bytes: Uint8Array): Uint8Array {
  return crypto.getRandomValues(bytes);
}
