import { html } from 'lit';
import { durableObjectStub, type PageHandler } from 'litflare/worker';
import { ROOM_NAME } from '../../components/chat-types.js';

/** A chat room: rendered with the room's recent messages, then live over a WebSocket. */
export const chatPage: PageHandler = async (c) => {
  const room = c.req.param('room') ?? '';
  if (!ROOM_NAME.test(room)) {
    return {
      status: 400,
      title: 'No such room',
      body: html`<h1>“${room}” is not a room name</h1><p>Room names are 1–32 lowercase letters, digits and dashes.</p>`,
    };
  }
  const messages = await durableObjectStub('CHAT', room).recent(50);
  return {
    title: `#${room} — litflare chat`,
    body: html`
      <h1>#${room}</h1>
      <chat-room room=${room} .messages=${messages}></chat-room>
    `,
  };
};
