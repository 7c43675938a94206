/**
 * Handles one queue message, typed by `Body` (what the producer sends).
 * Returning (whatever it returns) acknowledges the message; throwing retries it (later, per the
 * queue's retry settings, until `max_retries`). Call `message.ack()` or
 * `message.retry({ delaySeconds })` yourself to decide otherwise. Runs with
 * the same accessors as a request, but has no request, cookies or session.
 *
 * @example
 * ```ts
 * const sendEmail: QueueHandler<{ to: string }> = async (message) => {
 *   await service('MAILER').fetch('https://mailer/send', { method: 'POST', body: message.body.to });
 * };
 * ```
 */
export type QueueHandler<Body = unknown> = (message: Message<Body>, batch: MessageBatch<Body>) => void | Promise<unknown>;

/**
 * An app's queue consumers, one per queue name, run message by message.
 *
 * @example
 * ```ts
 * const consumers = new QueueConsumers();
 * consumers.add('litflare-tasks', handleTask);
 * await consumers.run(batch);
 * ```
 */
export class QueueConsumers {
  readonly #handlers = new Map<string, QueueHandler>();

  add<Body>(queue: string, handler: QueueHandler<Body>): void {
    if (this.#handlers.has(queue)) {
      throw new Error(`litflare: queue ${JSON.stringify(queue)} already has a consumer; register one per queue.`);
    }
    this.#handlers.set(queue, handler as QueueHandler);
  }

  /** Hands each message to the queue's consumer in order; a failed message is retried, not the batch. */
  async run(batch: MessageBatch): Promise<void> {
    const handler = this.#handlers.get(batch.queue);
    if (handler === undefined) {
      const known = [...this.#handlers.keys()].map((name) => JSON.stringify(name)).join(', ') || 'none';
      throw new Error(
        `litflare: no consumer for queue ${JSON.stringify(batch.queue)} (registered: ${known}). Register one ` +
          `with app.consumer(${JSON.stringify(batch.queue)}, handler).`,
      );
    }
    for (const message of batch.messages) {
      const decision = tracked(message);
      try {
        await handler(decision.message, batch);
        if (!decision.made) message.ack();
      } catch (error) {
        console.error(
          `litflare: queue ${JSON.stringify(batch.queue)} message ${message.id} failed on attempt ` +
            `${message.attempts}; retrying it (the queue's max_retries says how often)`,
          error,
        );
        if (!decision.made) message.retry();
      }
    }
  }
}

/** The message as the handler sees it, recording whether it acked or retried it itself. */
function tracked<Body>(message: Message<Body>): { message: Message<Body>; readonly made: boolean } {
  let made = false;
  return {
    get made() {
      return made;
    },
    message: {
      get id() {
        return message.id;
      },
      get timestamp() {
        return message.timestamp;
      },
      get body() {
        return message.body;
      },
      get attempts() {
        return message.attempts;
      },
      ack() {
        made = true;
        message.ack();
      },
      retry(options) {
        made = true;
        message.retry(options);
      },
    },
  };
}
