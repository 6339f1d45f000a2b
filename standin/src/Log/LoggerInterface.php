<?php

declare(strict_types=1);

namespace Piwik\Log;

interface LoggerInterface
{
    public function error($message, array $context = []);

    public function warning($message, array $context = []);

    public function info($message, array $context = []);

    public function debug($message, array $context = []);
}
