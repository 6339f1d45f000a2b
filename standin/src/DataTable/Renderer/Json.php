<?php

declare(strict_types=1);

namespace Piwik\DataTable\Renderer;

/** Renders a stand-in DataTable or Map as Matomo's JSON renderer does. */
class Json
{
    private $table;

    public function setTable($table)
    {
        $this->table = $table;
    }

    public function render()
    {
        return json_encode($this->table->toRenderable(), JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
    }
}
