import { inspect } from 'node:util';

const HIDDEN = '[secret]';

/**
 * A password, token or signing key read once from the environment or a file. It prints as
 * "[secret]" everywhere (String(), JSON, util.inspect, template literals), so a config object or
 * an error that carries one can be logged without leaking it; only reveal() gives the value.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return HIDDEN;
  }

  toJSON(): string {
    return HIDDEN;
  }

  [inspect.custom](): string {
    return HIDDEN;
  }
}
