<?php

declare(strict_types=1);

namespace Piwik\Log;

/** Matomo's logger interface: PSR-3's methods, of which the plugin uses these. */
interface LoggerInterface
{
    public function log($level, $message, array $context = []);

    public function error($message, array $context = []);

    public function warning($message, array $context = []);

    public function info($message, array $context = []);

    public function debug($message, array $context = []);
}
