import { expect, it } from "vitest";
import { parameterProblem, parameterProblems, parameterValues } from "./parameters";
import type { ParameterSpec } from "./types";

const spec = (overrides: Partial<ParameterSpec>): ParameterSpec => ({ name: "p", type: "STRING", required: false, ...overrides });

// Each sentence is automation-service's ParameterSpec.resolve for the same value.
it("givenEachTypeAndAWrongValue_whenChecked_thenTheApiSentence", () => {
  expect(parameterProblem(spec({ name: "target", required: true }), "")).toBe("target is required");
  expect(parameterProblem(spec({ name: "target", required: true, defaultValue: "qa" }), "")).toBeUndefined();
  expect(parameterProblem(spec({ name: "note" }), "")).toBeUndefined();
  expect(parameterProblem(spec({ name: "note" }), "a\0b")).toBe("note contains a NUL character");
  expect(parameterProblem(spec({ name: "note", maxLength: 3 }), "abcd")).toBe("note is longer than 3");
  expect(parameterProblem(spec({ name: "note" }), "x".repeat(1001))).toBe("note is longer than 1000");
  expect(parameterProblem(spec({ name: "tag", pattern: "v[0-9]+" }), "v12x")).toBe("tag does not match v[0-9]+");
  expect(parameterProblem(spec({ name: "tag", pattern: "v[0-9]+" }), "v12")).toBeUndefined();
  expect(parameterProblem(spec({ name: "n", type: "INTEGER" }), "1.5")).toBe("n is not a whole number");
  expect(parameterProblem(spec({ name: "n", type: "INTEGER" }), "9223372036854775808")).toBe("n is not a whole number");
  expect(parameterProblem(spec({ name: "n", type: "INTEGER", min: 1, max: 5 }), "9")).toBe("n must be between 1 and 5");
  expect(parameterProblem(spec({ name: "n", type: "INTEGER", min: 1 }), "0")).toBe("n must be between 1 and ∞");
  expect(parameterProblem(spec({ name: "n", type: "INTEGER", min: 1, max: 5 }), " 3 ")).toBeUndefined();
  expect(parameterProblem(spec({ name: "dry", type: "BOOLEAN" }), "yes")).toBe("dry is true or false");
  expect(parameterProblem(spec({ name: "dry", type: "BOOLEAN" }), "TRUE")).toBeUndefined();
  expect(parameterProblem(spec({ name: "env", type: "ENUM", values: ["qa", "prod"] }), "dev")).toBe("env is one of [qa, prod]");
  expect(parameterProblem(spec({ name: "token", type: "SECRET" }), "s3cret"))
    .toBe("token is a secret reference: the name of an environment variable (A-Z, 0-9, _)");
  expect(parameterProblem(spec({ name: "token", type: "SECRET" }), "OPSLEDGER_SECRET_JENKINS")).toBeUndefined();
});

it("givenAPatternJavaScriptCannotCompile_whenChecked_thenLeftToTheServer", () => {
  expect(parameterProblem(spec({ name: "tag", pattern: "(?<x" }), "anything")).toBeUndefined();
  expect(parameterProblem(spec({ name: "label", pattern: "\\h*x" }), " x")).toBeUndefined();
  expect(parameterProblem(spec({ name: "version", pattern: "[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?" }), "1.2")).toBe(
    "version does not match [0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?");
});

it("givenAForm_whenCollected_thenProblemsByApiFieldNameAndOnlyTheGivenValuesSent", () => {
  const specs = [spec({ name: "target", type: "ENUM", values: ["qa"], required: true }), spec({ name: "replicas", type: "INTEGER", defaultValue: "2" })];
  expect(parameterProblems(specs, {})).toEqual({ "parameters.target": "target is required" });
  expect(parameterValues(specs, { target: "qa", replicas: "" })).toEqual({ target: "qa" });
});
