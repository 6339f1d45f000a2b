<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Bridge;

use Piwik\Piwik;
use Piwik\Plugins\McpServer\Contracts\McpTool;

/**
 * Tools from other plugins (McpServer.addTools) and what McpServer.filterTools kept, gathered once
 * per request. The extension decides which are offered (names, duplicates, broken descriptions),
 * then validates, runs (through callTool) and shapes them.
 */
final class ContributedTools
{
    /** @var array<string, McpTool> the first tool of each name, as the extension keeps it */
    private static $tools = [];

    /**
     * @param string[] $builtinNames
     * @return array{contributed: list<array<string, mixed>>, not_tools: int, kept: mixed}
     */
    public static function collect(array $builtinNames): array
    {
        $added = [];
        Piwik::postEvent('McpServer.addTools', [&$added]);
        $added = is_array($added) ? $added : [];
        $tools = array_values(array_filter($added, static function ($tool): bool {
            return $tool instanceof McpTool;
        }));
        self::$tools = [];
        foreach ($tools as $tool) {
            self::$tools += [$tool->getName() => $tool];
        }
        $kept = array_merge($builtinNames, array_map(static function (McpTool $tool): string {
            return $tool->getName();
        }, $tools));
        Piwik::postEvent('McpServer.filterTools', [&$kept]);
        return [
            'contributed' => array_map([self::class, 'describe'], $tools),
            'not_tools' => count($added) - count($tools),
            'kept' => $kept,
        ];
    }

    /** @return array<string, mixed> */
    private static function describe(McpTool $tool): array
    {
        return [
            'name' => $tool->getName(),
            'title' => $tool->getTitle(),
            'description' => $tool->getDescription(),
            'inputSchema' => $tool->getInputSchema(),
            'outputSchema' => $tool->getOutputSchema(),
            'annotations' => $tool->getAnnotations() === [] ? null : $tool->getAnnotations(),
        ];
    }

    public static function find(string $name): ?McpTool
    {
        return self::$tools[$name] ?? null;
    }
}
