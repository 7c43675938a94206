// Workers AI has no local simulator: this Worker stands in for the AI binding.
// Like the real binding, it has run(model, inputs); it echoes what it was asked.
import { WorkerEntrypoint } from 'cloudflare:workers';

export class AiStandIn extends WorkerEntrypoint {
  async run(model, inputs) {
    return { response: `stand-in for ${model}: ${inputs.prompt}` };
  }
}

export default {
  fetch() {
    return new Response('not found', { status: 404 });
  },
};
