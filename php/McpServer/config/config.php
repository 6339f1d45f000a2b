<?php

use Piwik\DI;
use Piwik\Plugins\McpServer\Diagnostic\McpServerCheck;

return [
    'diagnostics.optional' => DI::add([DI::get(McpServerCheck::class)]),
];
