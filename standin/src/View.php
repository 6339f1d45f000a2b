<?php

declare(strict_types=1);

namespace Piwik;

use Piwik\Plugin\Manager;

/**
 * Twig views as Matomo renders them: `@Plugin/name` templates, the `translate` filter, and the
 * stand-in's own `admin.twig` layout (with the admin menu built from the plugins' Menu classes).
 */
class View
{
    /** @var string */
    private $template;
    /** @var array<string, mixed> */
    private $variables = [];

    public function __construct($templateFile)
    {
        $this->template = (string) $templateFile;
    }

    public function __set($name, $value)
    {
        $this->variables[$name] = $value;
    }

    public function render()
    {
        require_once '/usr/share/php/Twig/autoload.php';
        $loader = new \Twig\Loader\FilesystemLoader([STANDIN_ROOT . '/templates']);
        foreach (Manager::getInstance()->getActivatedPluginNames() as $plugin) {
            $dir = Manager::getPluginDirectory($plugin) . '/templates';
            if (is_dir($dir)) {
                $loader->addPath($dir, $plugin);
            }
        }
        $twig = new \Twig\Environment($loader, ['autoescape' => 'html', 'strict_variables' => false]);
        $twig->addFilter(new \Twig\TwigFilter('translate', static function ($key, ...$args) {
            return Piwik::translate((string) $key, $args);
        }));
        if (!headers_sent()) {
            header('Content-Type: text/html; charset=utf-8');
        }
        return $twig->render($this->template . '.twig', $this->variables + ['adminMenu' => Menu\MenuAdmin::build()]);
    }
}
