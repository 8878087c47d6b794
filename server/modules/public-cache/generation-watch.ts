/**
 * Tells each caller the public generation as read from the database *after* the caller asked,
 * so a change committed before a request arrived, through any instance, is seen by it. Callers
 * that arrive together share one read: a caller joins a read that has not been sent yet, never
 * one already on its way (it may have left before the commit the caller knows of). So at most
 * one read is running and one waiting, however many requests are in flight.
 */
export class GenerationWatch {
  readonly #read: () => Promise<number>;
  readonly #onChange: (generation: number) => void;
  #running: Promise<number> | undefined;
  #next: Promise<number> | undefined;
  #known: number | undefined;

  constructor(read: () => Promise<number>, onChange: (generation: number) => void) {
    this.#read = read;
    this.#onChange = onChange;
  }

  /** The generation last seen (undefined before the first read). */
  get known(): number | undefined {
    return this.#known;
  }

  current(): Promise<number> {
    if (this.#next) return this.#next;
    if (!this.#running) return this.#start();
    const next = this.#running.then(() => undefined, () => undefined).then(() => {
      this.#next = undefined;
      return this.#start();
    });
    this.#next = next;
    return next;
  }

  #start(): Promise<number> {
    const read = this.#read().then((generation) => {
      // Told before any caller hears the number, so nothing is served from what came before.
      if (generation !== this.#known) {
        this.#known = generation;
        this.#onChange(generation);
      }
      return generation;
    });
    this.#running = read;
    const done = () => {
      if (this.#running === read) this.#running = undefined;
    };
    read.then(done, done);
    return read;
  }
}
