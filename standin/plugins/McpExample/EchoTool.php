<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpExample;

use Piwik\Access;
use Piwik\Plugins\McpServer\Contracts\McpTool;
use Piwik\Plugins\McpServer\Contracts\McpToolError;

/** Echoes its text; fails on request, crashes on "crash"; its answer embeds the caller's token. */
class EchoTool extends McpTool
{
    public function getName(): string
    {
        return 'example_echo';
    }

    public function getDescription(): string
    {
        return 'Echoes text back (a tool contributed by another plugin).';
    }

    public function getInputSchema(): array
    {
        return [
            'type' => 'object',
            'properties' => ['text' => ['type' => 'string', 'minLength' => 1], 'fail' => ['type' => 'boolean']],
            'required' => ['text'],
            'additionalProperties' => false,
        ];
    }

    public function getOutputSchema(): ?array
    {
        return ['type' => 'object', 'properties' => ['echo' => ['type' => 'string'], 'link' => ['type' => 'string']]];
    }

    public function getAnnotations(): array
    {
        return ['readOnlyHint' => true, 'destructiveHint' => false, 'idempotentHint' => true, 'openWorldHint' => false];
    }

    public function execute(array $arguments): array
    {
        if (!empty($arguments['fail'])) {
            throw new McpToolError('Asked to fail.');
        }
        if ($arguments['text'] === 'crash') {
            throw new \RuntimeException('SQLSTATE[HY000] internal detail');
        }
        $token = Access::getInstance()->getTokenAuth();
        return ['echo' => $arguments['text'], 'link' => 'https://m.example.org/index.php?module=X&token_auth=' . $token];
    }
}
