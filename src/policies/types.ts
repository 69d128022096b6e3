// What a policy function sees and gives back. A function is compiled once per `then` (its
// functionOptions checked, every problem reported at its rules.yaml position) into a Judge that
// the policy runs on each value its `given` and `field` select.

import type { PolicyFunctionName } from '../config/schema.js';
import type { YamlPath } from '../config/yaml-source.js';

/** The value a `then` looks at: `present` is false for a missing `field`. */
export interface Target {
  pointer: string;
  value: unknown;
  present: boolean;
}

/** One way a target fails the function: where, the value there, and why in plain words. */
export interface Failure {
  pointer: string;
  value: unknown;
  reason: string;
}

export type Judge = (target: Target) => Failure[];

/** Reports a problem with the functionOptions, at a path below them (e.g. ['match']). */
export type Problem = (message: string, path?: YamlPath, part?: 'key' | 'value') => void;

/** Ajv, only for the `schema` function, loaded once for all policies that use it. */
export interface ValidateLike {
  (data: unknown): boolean;
  errors?: { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }[] | null;
}

export interface AjvLike {
  compile(schema: unknown): ValidateLike;
}

export interface FunctionEnv {
  /** Placeholders such as `${VPC_ID}` pass every function: their real value is not known yet. */
  isPlaceholder(value: unknown): boolean;
  ajv: AjvLike | undefined;
}

export interface PolicyFunction {
  name: PolicyFunctionName;
  /** The functionOptions it takes; any other key is reported, with the nearest name. */
  options: readonly string[];
  /**
   * Checks the option values, reporting each problem through `fail`; returns the judge when it
   * could build one (the policy is dropped anyway if any problem was reported).
   */
  compile(options: Readonly<Record<string, unknown>>, fail: Problem, env: FunctionEnv): Judge | undefined;
}
