<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Contracts;

/**
 * A tool another plugin offers to MCP clients through the event McpServer.addTools:
 *
 *     public function registerEvents() { return ['McpServer.addTools' => 'addMcpTools']; }
 *     public function addMcpTools(array &$tools): void { $tools[] = new MyTool(); }
 *
 * The matomo_mcp extension lists it, validates arguments against getInputSchema(), logs the call
 * (redacted), scrubs tokens from the result and shapes the answer, exactly as for built-in tools.
 * execute() runs as the authenticated Matomo user: check access as any API method would.
 */
abstract class McpTool
{
    /** 1-128 characters of A-Z a-z 0-9 _ - . (prefix it with your plugin's name). */
    abstract public function getName(): string;

    /** Written for a model: what it is for, when to use it, what to call next. */
    abstract public function getDescription(): string;

    /** @return array<string, mixed> JSON Schema of the arguments (type object). */
    abstract public function getInputSchema(): array;

    /**
     * @param array<string, mixed> $arguments validated against getInputSchema()
     * @return array<string, mixed> the structured result
     * @throws McpToolError with a message for the model when the call cannot succeed
     */
    abstract public function execute(array $arguments): array;

    public function getTitle(): ?string
    {
        return null;
    }

    /** @return array<string, mixed>|null JSON Schema of execute()'s result (type object). */
    public function getOutputSchema(): ?array
    {
        return null;
    }

    /** @return array{readOnlyHint?: bool, destructiveHint?: bool, idempotentHint?: bool, openWorldHint?: bool} */
    public function getAnnotations(): array
    {
        return [];
    }
}
