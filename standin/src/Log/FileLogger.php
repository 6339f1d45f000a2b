<?php

declare(strict_types=1);

namespace Piwik\Log;

/** Appends "LEVEL message" lines to matomo.log in the data directory. */
class FileLogger implements LoggerInterface
{
    private function write(string $level, $message): void
    {
        $line = sprintf("%s %s [%d] %s\n", gmdate('Y-m-d H:i:s'), $level, getmypid(), str_replace("\n", ' ', (string) $message));
        file_put_contents(STANDIN_DATA . '/matomo.log', $line, FILE_APPEND | LOCK_EX);
    }

    public function error($message, array $context = [])
    {
        $this->write('ERROR', $message);
    }

    public function warning($message, array $context = [])
    {
        $this->write('WARNING', $message);
    }

    public function info($message, array $context = [])
    {
        $this->write('INFO', $message);
    }

    public function debug($message, array $context = [])
    {
        $this->write('DEBUG', $message);
    }
}
