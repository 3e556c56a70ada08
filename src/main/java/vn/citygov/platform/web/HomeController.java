package vn.citygov.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what CityGov offers, one tile per module that exists. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
