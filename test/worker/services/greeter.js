// A second Worker bound to the tests as the service binding GREETER.
export default {
  async fetch(request) {
    return new Response(`hello from greeter: ${new URL(request.url).pathname}`);
  },
};
