import { expect, it } from "vitest";
import type { AuditEntry } from "../lib/types";
import { causalTree, toInstant } from "./Audit";

const entry = (eventId: string, time: string, causationId?: string): AuditEntry => ({
  service: "release", globalIndex: Number(eventId.slice(1)), eventId, time, actorName: "x", aggregateType: "Promotion",
  aggregateId: "p1", aggregateSequence: 0, type: eventId, summary: "{}", correlationId: "c1", causationId, previousHash: "", hash: "",
});

it("givenEntriesCausedByOthers_whenTreeBuilt_thenEachHangsUnderItsCauseInTimeOrder", () => {
  const tree = causalTree([
    entry("e3", "2026-01-01T00:00:03Z", "e1"),
    entry("e1", "2026-01-01T00:00:01Z", "command-1"),
    entry("e2", "2026-01-01T00:00:02Z", "e1"),
    entry("e4", "2026-01-01T00:00:04Z", "elsewhere"),
  ]);

  expect(tree.map((n) => n.entry.eventId)).toEqual(["e1", "e4"]);
  expect(tree[0].children.map((n) => n.entry.eventId)).toEqual(["e2", "e3"]);
});

it("givenLocalDateTime_whenConverted_thenIsoInstantOrNothing", () => {
  expect(toInstant("")).toBeUndefined();
  expect(toInstant("not a date")).toBeUndefined();
  expect(toInstant("2026-03-02T12:00")).toBe(new Date("2026-03-02T12:00").toISOString());
});
