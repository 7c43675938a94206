// A Durable Object class in its own Worker, bound to the tests as ROOMS.
import { DurableObject } from 'cloudflare:workers';

export class Room extends DurableObject {
  async join(user) {
    const members = (await this.ctx.storage.get('members')) ?? [];
    members.push(user);
    await this.ctx.storage.put('members', members);
    return members;
  }
}

export default {
  fetch() {
    return new Response('not found', { status: 404 });
  },
};
