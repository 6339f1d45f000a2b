<?php

declare(strict_types=1);

namespace Piwik\Plugins\Diagnostics\Diagnostic;

class DiagnosticResult implements \JsonSerializable
{
    public const STATUS_ERROR = 'error';
    public const STATUS_WARNING = 'warning';
    public const STATUS_OK = 'ok';
    public const STATUS_INFORMATIONAL = 'informational';

    /** @var string */
    private $label;
    /** @var string */
    private $status;
    /** @var string */
    private $comment;

    public static function singleResult($label, $status, $comment = '')
    {
        $r = new self();
        $r->label = (string) $label;
        $r->status = (string) $status;
        $r->comment = (string) $comment;
        return $r;
    }

    public function getLabel()
    {
        return $this->label;
    }

    public function getStatus()
    {
        return $this->status;
    }

    public function jsonSerialize(): array
    {
        return ['label' => $this->label, 'status' => $this->status, 'comment' => $this->comment];
    }
}
