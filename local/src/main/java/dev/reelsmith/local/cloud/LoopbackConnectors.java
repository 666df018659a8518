package dev.reelsmith.local.cloud;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Binds S3Mock's extra Tomcat connectors to 127.0.0.1. S3Mock adds its plain-HTTP connector with a port and no
 * address, so Tomcat would accept connections on every interface; {@code server.address} only reaches the main
 * connector. {@link S3Server} adds this class to S3Mock's Spring context ({@code spring.main.sources}); Spring Boot
 * applies it to the web server factory before the server starts. Public because Spring instantiates it.
 */
public final class LoopbackConnectors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        for (Connector connector : factory.getAdditionalTomcatConnectors()) {
            connector.setProperty("address", "127.0.0.1");
        }
    }
}
