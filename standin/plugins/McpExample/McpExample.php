<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpExample;

/**
 * A third-party plugin of the stand-in that uses the McpServer events: it adds a tool, removes
 * matomo_site_search, and records every server event to events.jsonl in the data directory.
 */
class McpExample extends \Piwik\Plugin
{
    public function registerEvents()
    {
        return [
            'McpServer.addTools' => 'addTools',
            'McpServer.filterTools' => 'filterTools',
            'McpServer.serverEvent' => 'recordEvent',
        ];
    }

    public function addTools(array &$tools): void
    {
        $tools[] = new EchoTool();
        $tools[] = 'not a tool, skipped with a warning';
    }

    public function filterTools(array &$names): void
    {
        $names = array_values(array_diff($names, ['matomo_site_search']));
    }

    public function recordEvent($event): void
    {
        file_put_contents(STANDIN_DATA . '/events.jsonl', json_encode($event) . "\n", FILE_APPEND | LOCK_EX);
    }
}
