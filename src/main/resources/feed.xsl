<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows an Atom or RSS feed of Warta as a page when a person opens it in a browser. Feed readers never
     apply it: they read the same XML. No external assets; the page works offline. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="atom dc">
  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>

  <xsl:variable name="isAtom" select="boolean(/atom:feed)"/>
  <xsl:variable name="title" select="/atom:feed/atom:title | /rss/channel/title"/>
  <xsl:variable name="self" select="(/atom:feed/atom:link[@rel='self']/@href | /rss/channel/atom:link[@rel='self']/@href)[1]"/>
  <xsl:variable name="home" select="(/atom:feed/atom:link[@rel='alternate' and @type='text/html']/@href | /rss/channel/link)[1]"/>

  <xsl:template match="/">
    <html lang="id">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> · feed</title>
        <style>
          :root { color-scheme: light dark; --accent: #b3261e; --muted: #666; }
          body { font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; }
          main { max-width: 46rem; margin: 0 auto; padding: 0 1rem 2rem; }
          .subscribe { background: rgba(179,38,30,.08); border-left: 4px solid var(--accent); padding: .6rem 1rem; margin: 1rem 0; }
          .subscribe code { display: block; word-break: break-all; background: rgba(127,127,127,.15); padding: .3rem .5rem; margin: .4rem 0; font-size: .9rem; }
          h1 { line-height: 1.25; margin: 1.2rem 0 .3rem; }
          a { color: var(--accent); }
          .meta { color: var(--muted); font-size: .9rem; }
          ul.entries { list-style: none; padding: 0; }
          ul.entries li { padding: .6rem 0; border-bottom: 1px solid rgba(127,127,127,.25); }
          ul.entries a { font-weight: 600; text-decoration: none; }
          nav.pages a { margin-right: 1rem; }
        </style>
      </head>
      <body>
        <main>
          <p class="meta">Feed <xsl:choose><xsl:when test="$isAtom">Atom</xsl:when><xsl:otherwise>RSS</xsl:otherwise></xsl:choose></p>
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="/atom:feed/atom:subtitle | /rss/channel/description"/></p>
          <section class="subscribe" id="subscribe">
            <strong>Ini adalah feed.</strong>
            Untuk berlangganan, salin alamat di bawah ini ke aplikasi pembaca feed Anda
            (misalnya NetNewsWire, Feedly, Miniflux atau newsboat). Berita baru akan muncul di sana secara otomatis.
            <code><xsl:value-of select="$self"/></code>
            <xsl:if test="$home"><a href="{$home}">Buka halaman topik ini</a></xsl:if>
          </section>
          <ul class="entries">
            <xsl:apply-templates select="/atom:feed/atom:entry | /rss/channel/item"/>
          </ul>
          <nav class="pages">
            <xsl:for-each select="/atom:feed/atom:link[@rel='previous'] | /rss/channel/atom:link[@rel='previous']">
              <a href="{@href}">← Lebih baru</a>
            </xsl:for-each>
            <xsl:for-each select="/atom:feed/atom:link[@rel='next'] | /rss/channel/atom:link[@rel='next']">
              <a href="{@href}">Lebih lama →</a>
            </xsl:for-each>
          </nav>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
      <div class="meta">
        <xsl:value-of select="substring(atom:published, 1, 10)"/>
        <xsl:text> </xsl:text><xsl:value-of select="substring(atom:published, 12, 5)"/> UTC
        <xsl:if test="atom:author/atom:name"> · <xsl:value-of select="atom:author/atom:name"/></xsl:if>
      </div>
      <xsl:if test="atom:summary"><div class="summary"><xsl:value-of select="atom:summary"/></div></xsl:if>
    </li>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <a href="{link}"><xsl:value-of select="title"/></a>
      <div class="meta">
        <xsl:value-of select="substring(pubDate, 1, 22)"/> UTC
        <xsl:if test="dc:creator"> · <xsl:value-of select="dc:creator"/></xsl:if>
      </div>
      <xsl:if test="description"><div class="summary"><xsl:value-of select="description"/></div></xsl:if>
    </li>
  </xsl:template>
</xsl:stylesheet>
