// Connects to an MCP endpoint with the official TypeScript client (@modelcontextprotocol/client
// 2.x) and a Bearer token, in its default legacy mode or with versionNegotiation auto; lists the
// tools, calls one, gets a prompt, reads a resource and asks for a completion. Prints one JSON
// report; exits 1 on any failure.
//
// usage: node ts_client.mjs URL TOKEN legacy|auto INSTALL_DIR
//   INSTALL_DIR: where `npm install @modelcontextprotocol/client` ran (build/tools/tsclient)
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [url, token, mode, installDir] = process.argv.slice(2);
const sdk = join(installDir, "node_modules/@modelcontextprotocol/client/dist/index.mjs");
const { Client, StreamableHTTPClientTransport } = await import(pathToFileURL(sdk).href);
const options = mode === "auto" ? { versionNegotiation: { mode: "auto" } } : {};
const client = new Client({ name: "e2e-ts", version: "1" }, options);
const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { Authorization: `Bearer ${token}` } },
});
try {
  await client.connect(transport);
  const tools = await client.listTools();
  const called = await client.callTool({ name: "matomo_site_get", arguments: { idSite: 1 } });
  const prompts = await client.listPrompts();
  const prompt = await client.getPrompt({ name: prompts.prompts[0].name, arguments: { idSite: "1" } });
  const resources = await client.listResources();
  const read = await client.readResource({ uri: resources.resources[0].uri });
  const completion = await client.complete({
    ref: { type: "ref/prompt", name: prompts.prompts[0].name },
    argument: { name: "idSite", value: "" },
  });
  console.log(JSON.stringify({
    protocolVersion: client.getNegotiatedProtocolVersion(),
    serverName: client.getServerVersion()?.name ?? null,
    tools: tools.tools.map((t) => t.name),
    call: { isError: called.isError ?? false, structuredContent: called.structuredContent },
    prompts: prompts.prompts.map((p) => p.name),
    promptText: prompt.messages[0].content.text,
    resources: resources.resources.map((r) => r.uri),
    read: JSON.parse(read.contents[0].text),
    completion: completion.completion.values,
  }));
  await client.close();
} catch (e) {
  console.error(`FAIL: ${e?.name}: ${e?.message}`);
  process.exit(1);
}
