/** HTTP concerns only: the single servlet endpoint, the filter for CORS, preflight, refused origins, the body limit and the API key, and application start-up. */
package dev.ankiconnect.web;
