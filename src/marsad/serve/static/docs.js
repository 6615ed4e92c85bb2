/* Offline API docs: the vendored swagger-ui reading this server's /openapi.json. */
window.ui = SwaggerUIBundle({
  url: new URL('openapi.json', document.baseURI).toString(),
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout'
});
