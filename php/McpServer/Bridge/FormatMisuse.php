<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer\Bridge;

/**
 * Stands in for the result of an API method that was called with format=mcp although it is not
 * the MCP endpoint; the method itself never ran.
 */
final class FormatMisuse
{
}
