<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer;

/**
 * Ready-to-paste client configurations for the connect guide (data/connect-snippets.json), with
 * this Matomo's endpoint filled in. YOUR_TOKEN stands for the user's token_auth (never put a real
 * token in a page).
 */
final class ConnectSnippets
{
    public const TOKEN_PLACEHOLDER = 'YOUR_TOKEN';
    private const FILE = __DIR__ . '/data/connect-snippets.json';

    /** @return list<array{id: string, client: string, where: string, code: string}> */
    public static function forEndpoint(string $url): array
    {
        $fill = static function ($value) use (&$fill, $url) {
            return is_array($value)
                ? array_map($fill, $value)
                : (is_string($value) ? strtr($value, ['{url}' => $url, '{token}' => self::TOKEN_PLACEHOLDER]) : $value);
        };
        $snippets = [];
        foreach ((array) json_decode((string) file_get_contents(self::FILE), true) as $snippet) {
            // configuration files are written from their structure, so any URL stays valid JSON
            $code = isset($snippet['json'])
                ? (string) json_encode($fill($snippet['json']), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES)
                : $fill((string) $snippet['text']);
            $snippets[] = ['code' => $code] + array_intersect_key($snippet, array_flip(['id', 'client', 'where']));
        }
        return $snippets;
    }
}
