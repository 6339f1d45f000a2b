<?php

declare(strict_types=1);

namespace Piwik\Demo;

/**
 * A small seeded generator (xorshift32) of its own, so that the demo's data never depends on
 * PHP's global random state or version.
 */
final class Seeded
{
    /** @var int */
    private $state;

    public function __construct(int $seed)
    {
        $this->state = ($seed & 0xFFFFFFFF) ?: 0x9E3779B9;
    }

    private function next(): int
    {
        $x = $this->state;
        $x ^= ($x << 13) & 0xFFFFFFFF;
        $x ^= $x >> 17;
        $x ^= ($x << 5) & 0xFFFFFFFF;
        return $this->state = $x & 0xFFFFFFFF;
    }

    /** In [0, 1). */
    public function unit(): float
    {
        return $this->next() / 4294967296.0;
    }

    /** In [$min, $max]. */
    public function int(int $min, int $max): int
    {
        return $min + (int) floor($this->unit() * ($max - $min + 1));
    }

    /**
     * @param list<mixed> $list
     * @return mixed
     */
    public function pick(array $list)
    {
        return $list[$this->int(0, count($list) - 1)];
    }

    /**
     * An entry of $list chosen by the weight at index $weightAt of each entry.
     *
     * @param list<array<int, mixed>> $list
     * @return array<int, mixed>
     */
    public function weighted(array $list, int $weightAt): array
    {
        $total = array_sum(array_column($list, $weightAt));
        $roll = $this->unit() * $total;
        foreach ($list as $entry) {
            $roll -= $entry[$weightAt];
            if ($roll < 0) {
                return $entry;
            }
        }
        return $list[count($list) - 1];
    }
}
