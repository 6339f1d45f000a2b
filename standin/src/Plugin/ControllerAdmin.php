<?php

declare(strict_types=1);

namespace Piwik\Plugin;

use Piwik\View;

abstract class ControllerAdmin
{
    /** @var string */
    protected $pluginName;

    public function __construct()
    {
        $this->pluginName = explode('\\', static::class)[2] ?? '';
    }

    protected function renderTemplate($template, array $variables = [])
    {
        $view = new View(strpos($template, '@') === 0 ? $template : '@' . $this->pluginName . '/' . $template);
        foreach ($variables as $name => $value) {
            $view->$name = $value;
        }
        return $view->render();
    }
}
