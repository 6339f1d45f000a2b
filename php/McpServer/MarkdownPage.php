<?php

declare(strict_types=1);

namespace Piwik\Plugins\McpServer;

/**
 * Renders the plugin's own FAQ (a small, known Markdown subset: headings, paragraphs, lists,
 * tables, code blocks, inline code, bold) as HTML. Everything is escaped first.
 */
final class MarkdownPage
{
    public static function toHtml(string $markdown): string
    {
        $html = [];
        $paragraph = [];
        $list = [];
        $table = [];
        $code = null;
        $flush = static function () use (&$html, &$paragraph, &$list, &$table): void {
            if ($paragraph !== []) {
                $html[] = '<p>' . implode(' ', $paragraph) . '</p>';
                $paragraph = [];
            }
            if ($list !== []) {
                $html[] = '<ul><li>' . implode('</li><li>', $list) . '</li></ul>';
                $list = [];
            }
            if ($table !== []) {
                $rows = array_map(static function (array $cells): string {
                    return '<tr><td>' . implode('</td><td>', $cells) . '</td></tr>';
                }, $table);
                $html[] = '<table class="entityTable">' . implode('', $rows) . '</table>';
                $table = [];
            }
        };
        foreach (explode("\n", $markdown) as $line) {
            if (strpos($line, '```') === 0) {
                if ($code === null) {
                    $flush();
                    $code = [];
                } else {
                    $html[] = '<pre>' . htmlspecialchars(implode("\n", $code)) . '</pre>';
                    $code = null;
                }
                continue;
            }
            if ($code !== null) {
                $code[] = $line;
                continue;
            }
            $text = self::inline(trim($line));
            if (preg_match('/^(#{1,3}) (.*)$/', trim($line), $m) === 1) {
                $flush();
                $level = strlen($m[1]) + 1;
                $html[] = "<h$level>" . self::inline($m[2]) . "</h$level>";
            } elseif (strpos(trim($line), '|') === 0) {
                if (preg_match('/^\|[\s|:-]+\|$/', trim($line)) !== 1) {
                    $table[] = array_map('trim', explode('|', trim(trim($text), '|')));
                }
            } elseif (preg_match('/^(?:-|\d+\.) (.*)$/', trim($line), $m) === 1) {
                $list[] = self::inline($m[1]);
            } elseif (trim($line) === '') {
                $flush();
            } elseif ($list !== [] && strpos($line, '  ') === 0) {
                $list[count($list) - 1] .= ' ' . $text;
            } else {
                $paragraph[] = $text;
            }
        }
        $flush();
        return implode("\n", $html);
    }

    private static function inline(string $text): string
    {
        $text = htmlspecialchars($text);
        $text = (string) preg_replace('/`([^`]+)`/', '<code>$1</code>', $text);
        return (string) preg_replace('/\*\*([^*]+)\*\*/', '<strong>$1</strong>', $text);
    }
}
