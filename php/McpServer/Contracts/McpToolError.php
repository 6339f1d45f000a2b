<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Contracts;

/**
 * Thrown by McpTool::execute() for a failure the model should read (an `isError` result with
 * this message). Keep internals (SQL, paths, tokens) out of the message.
 */
class McpToolError extends \Exception
{
}
