import { expect, it } from "vitest";
import { maskCsrfToken } from "./csrf";

function unmask(masked: string): string {
  const bytes = Uint8Array.from(atob(masked.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
  const half = bytes.length / 2;
  const token = bytes.slice(half).map((b, i) => b ^ bytes[i]);
  return new TextDecoder().decode(token);
}

it("givenRawToken_whenMasked_thenSpringsXorFormatUnmasksToTheSameToken", () => {
  const token = "1f0c9a3e-5b7d-4c2a-9e8f-0123456789ab";

  const first = maskCsrfToken(token);
  const second = maskCsrfToken(token);

  expect(unmask(first)).toBe(token);
  expect(first).not.toBe(second);
  expect(first).toMatch(/^[A-Za-z0-9_-]+=*$/);
});

it("givenFixedRandom_whenMasked_thenBytesAreRandomThenXor", () => {
  const masked = maskCsrfToken("AB", (bytes) => bytes.fill(1));
  expect(Array.from(atob(masked), (c) => c.charCodeAt(0))).toEqual([1, 1, 0x41 ^ 1, 0x42 ^ 1]);
});
