<?php

declare(strict_types=1);

namespace Piwik\Plugin;

/** Scheduled tasks: `schedule()` registers methods; the stand-in's console runs them on demand. */
abstract class Tasks
{
    /** @var list<array{string, string}> */
    private $scheduled = [];

    abstract public function schedule();

    protected function hourly($methodName, $methodParameter = null, $priority = 5, ?int $ttlInSeconds = null)
    {
        $this->scheduled[] = ['hourly', $methodName];
    }

    protected function daily($methodName, $methodParameter = null, $priority = 5, ?int $ttlInSeconds = null)
    {
        $this->scheduled[] = ['daily', $methodName];
    }

    /** @return list<array{string, string}> */
    public function getScheduledTasks(): array
    {
        return $this->scheduled;
    }
}
