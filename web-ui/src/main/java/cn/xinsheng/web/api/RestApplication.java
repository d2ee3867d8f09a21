package cn.xinsheng.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API, version 1. Described at {@code /openapi}. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Xinsheng 新生 API",
            version = "1",
            description =
                "Log in with POST /api/v1/session; the answer sets the session cookie that every"
                    + " other call carries. Access per role follows the access matrix."))
public class RestApplication extends Application {}
