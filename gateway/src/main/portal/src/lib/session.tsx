import { createContext, useContext } from "react";
import type { Me } from "./types";

export const SessionContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(SessionContext);
  if (!me) {
    throw new Error("useMe outside a signed-in session");
  }
  return me;
}

export function hasAnyRole(me: Me, ...roles: string[]): boolean {
  return roles.some((role) => me.roles.includes(role));
}
