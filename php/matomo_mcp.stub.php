<?php

/**
 * The functions of the matomo_mcp PHP extension (written in Rust, see src/php/ over core/), for IDEs and
 * reviewers. Never loaded: the extension defines them.
 */

/**
 * Answers one HTTP request to the MCP endpoint.
 *
 * @param array{method: string, headers: array<string, string|string[]>, body: string} $request
 * @param array<string, mixed> $facts what Matomo knows: user, settings, config, trusted hosts, tools
 * @param object $bridge the plugin's Bridge\MatomoHost (callApi, callTool, renderDataTable, apiCatalog,
 *                       session*, siteDates, segmentArchived, log); every DataTable object in a callApi or
 *                       callTool result is handed to its renderDataTable() as the result is read
 * @return array{status: int, headers: list<array{0: string, 1: string}>, body: string, matomo_error: ?string,
 *               event: ?array<string, mixed>}
 */
function matomo_mcp_handle($request, $facts, object $bridge): array
{
}

/**
 * The JSON-RPC error answer for an exception Matomo raised around the endpoint.
 *
 * @param string $kind unauthenticated | bad_request | format_misuse | internal
 * @param string $message the exception's message (any bytes; not UTF-8 is read, not refused)
 * @param string $body the request body, read only for its JSON-RPC id
 * @return array{status: int, headers: list<array{0: string, 1: string}>, body: string, matomo_error: ?string,
 *               event: ?array<string, mixed>}
 */
function matomo_mcp_exception_response(string $kind, $message, $body): array
{
}

/** Deletes expired MCP sessions through the bridge; returns how many went. */
function matomo_mcp_collect_expired_sessions(object $bridge): int
{
}

/** The most request-body bytes worth reading (one more than the 4 MiB limit). */
function matomo_mcp_max_body_bytes(): int
{
}

/** @return string[] names of the built-in tools */
function matomo_mcp_builtin_tool_names(): array
{
}

/** Bytes the extension holds on its own heap (Rust's allocations, which PHP's memory_get_usage() does not see). */
function matomo_mcp_heap_bytes(): int
{
}

/** The extension's version. */
function matomo_mcp_version(): string
{
}

/** Why the extension cannot serve this plugin version (another major.minor), or null when it can. */
function matomo_mcp_version_problem(string $pluginVersion): ?string
{
}
