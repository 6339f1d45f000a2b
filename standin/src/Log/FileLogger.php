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

    /** PSR-3: any level name; Matomo's Monolog logger refuses unknown ones, so does this. */
    public function log($level, $message, array $context = [])
    {
        if (!in_array($level, ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'info', 'debug'], true)) {
            throw new \InvalidArgumentException('Level "' . $level . '" is not defined');
        }
        $this->write(strtoupper((string) $level), $message);
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
