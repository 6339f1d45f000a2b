<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Bridge;

use Piwik\Container\StaticContainer;
use Piwik\Log\LoggerInterface;
use Piwik\Piwik;
use Piwik\Plugins\McpServer\Contracts\McpTool;

/**
 * Tools from other plugins (McpServer.addTools) and removals (McpServer.filterTools), gathered
 * once per request. The extension describes, validates, runs (through callTool) and shapes them.
 */
final class ContributedTools
{
    /** @var array<string, McpTool> by name */
    private static $tools = [];
    /** @var string[] */
    private static $disabled = [];

    /** @param string[] $builtinNames */
    public static function collect(array $builtinNames): void
    {
        $added = [];
        Piwik::postEvent('McpServer.addTools', [&$added]);
        $tools = [];
        foreach (is_array($added) ? $added : [] as $tool) {
            if (!$tool instanceof McpTool) {
                self::warn('McpServer.addTools: an entry is not an McpTool and was skipped.');
                continue;
            }
            $name = $tool->getName();
            if (isset($tools[$name]) || in_array($name, $builtinNames, true)) {
                self::warn("McpServer.addTools: duplicate tool name '$name' was skipped.");
                continue;
            }
            $tools[$name] = $tool;
        }
        $names = array_merge($builtinNames, array_keys($tools));
        $kept = $names;
        Piwik::postEvent('McpServer.filterTools', [&$kept]);
        $kept = is_array($kept) ? array_values(array_filter($kept, 'is_string')) : $names;
        self::$disabled = array_values(array_diff($names, $kept));
        self::$tools = array_intersect_key($tools, array_flip($kept));
    }

    /** @return array{disabled: string[], contributed: list<array<string, mixed>>} */
    public static function facts(): array
    {
        $described = [];
        foreach (self::$tools as $tool) {
            $described[] = [
                'name' => $tool->getName(),
                'title' => $tool->getTitle(),
                'description' => $tool->getDescription(),
                'inputSchema' => $tool->getInputSchema(),
                'outputSchema' => $tool->getOutputSchema(),
                'annotations' => $tool->getAnnotations() === [] ? null : $tool->getAnnotations(),
            ];
        }
        return ['disabled' => self::$disabled, 'contributed' => $described];
    }

    public static function find(string $name): ?McpTool
    {
        return self::$tools[$name] ?? null;
    }

    private static function warn(string $message): void
    {
        StaticContainer::get(LoggerInterface::class)->warning($message);
    }
}
