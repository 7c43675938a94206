import { html, nothing } from 'lit';
import { durableObjectStub, type PageHandler } from 'litflare/worker';
import { ROOM_NAME } from '../../components/chat-types.js';
import { signedInUser } from '../user.js';

/**
 * A chat room: rendered with the room's recent messages, then live over a
 * WebSocket. A signed-in visitor writes under their name; anyone else chooses one.
 */
export const chatPage: PageHandler = async (c) => {
  const room = c.req.param('room') ?? '';
  if (!ROOM_NAME.test(room)) {
    return {
      status: 400,
      title: 'No such room',
      body: html`<h1>“${room}” is not a room name</h1><p>Room names are 1–32 lowercase letters, digits and dashes.</p>`,
    };
  }
  const [messages, user] = await Promise.all([durableObjectStub('CHAT', room).recent(50), signedInUser()]);
  return {
    title: `#${room} — litflare chat`,
    body: html`
      <h1>#${room}</h1>
      <chat-room room=${room} user=${user ?? nothing} .messages=${messages}></chat-room>
    `,
  };
};
