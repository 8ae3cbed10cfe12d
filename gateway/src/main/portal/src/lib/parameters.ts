import type { ParameterSpec } from "./types";

/**
 * A task run's parameter values checked in the browser with the same rules and the same sentences
 * as automation-service's `ParameterSpec.resolve` (its 422 `run.parameter-*` details), so a person
 * reads one message whether the browser or the server caught the mistake. The server checks again
 * and stays the authority: a pattern JavaScript can't compile is left to it.
 */
export const DEFAULT_MAX_LENGTH = 1000;
const SECRET_REFERENCE = /^[A-Z][A-Z0-9_]{0,127}$/;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** The reason `given` is refused, or undefined; an empty value stands for "not given" (the default applies). */
export function parameterProblem(spec: ParameterSpec, given: string): string | undefined {
  const name = spec.name;
  if (given === "") {
    return spec.required && (spec.defaultValue === null || spec.defaultValue === undefined) ? `${name} is required` : undefined;
  }
  if (given.includes("\0")) {
    return `${name} contains a NUL character`;
  }
  switch (spec.type) {
    case "STRING": {
      const limit = spec.maxLength ?? DEFAULT_MAX_LENGTH;
      if (given.length > limit) {
        return `${name} is longer than ${limit}`;
      }
      const pattern = compile(spec.pattern);
      return pattern && !pattern.test(given) ? `${name} does not match ${spec.pattern}` : undefined;
    }
    case "INTEGER": {
      const text = given.trim();
      if (!/^[+-]?\d+$/.test(text) || BigInt(text) < LONG_MIN || BigInt(text) > LONG_MAX) {
        return `${name} is not a whole number`;
      }
      const number = BigInt(text);
      const low = spec.min ?? null;
      const high = spec.max ?? null;
      if ((low !== null && number < BigInt(low)) || (high !== null && number > BigInt(high))) {
        return `${name} must be between ${low ?? "-∞"} and ${high ?? "∞"}`;
      }
      return undefined;
    }
    case "BOOLEAN":
      return ["true", "false"].includes(given.trim().toLowerCase()) ? undefined : `${name} is true or false`;
    case "ENUM":
      // Java's List.toString: "[qa, prod]".
      return (spec.values ?? []).includes(given) ? undefined : `${name} is one of [${(spec.values ?? []).join(", ")}]`;
    case "SECRET":
      return SECRET_REFERENCE.test(given) ? undefined
        : `${name} is a secret reference: the name of an environment variable (A-Z, 0-9, _)`;
  }
}

/** Every refused value by the API's field name (`parameters.<name>`), for the form to show at each input. */
export function parameterProblems(specs: ParameterSpec[], values: Record<string, string>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const spec of specs) {
    const problem = parameterProblem(spec, values[spec.name] ?? "");
    if (problem) {
      problems[`parameters.${spec.name}`] = problem;
    }
  }
  return problems;
}

/** The body's `parameters`: only the values given; the server applies the defaults it recorded. */
export function parameterValues(specs: ParameterSpec[], values: Record<string, string>): Record<string, string> {
  const body: Record<string, string> = {};
  for (const spec of specs) {
    const value = values[spec.name] ?? "";
    if (value !== "") {
      body[spec.name] = value;
    }
  }
  return body;
}

/**
 * Java's `matches()` is a whole-string match; null when the pattern is none or not valid JavaScript.
 * The `u` flag makes JavaScript refuse escapes it doesn't know (Java's `\h`, horizontal space, would
 * otherwise match a literal "h"), so a Java-only construct is left to the server, never misread.
 */
function compile(pattern?: string | null): RegExp | null {
  if (!pattern) {
    return null;
  }
  try {
    return new RegExp(`^(?:${pattern})$`, "u");
  } catch {
    return null;
  }
}
