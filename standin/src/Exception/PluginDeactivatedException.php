<?php

declare(strict_types=1);

namespace Piwik\Exception;

class PluginDeactivatedException extends \Exception
{
    public function __construct(string $pluginName)
    {
        parent::__construct("The plugin $pluginName is not enabled. You can activate the plugin on Settings > Plugins page in Matomo.");
    }
}
